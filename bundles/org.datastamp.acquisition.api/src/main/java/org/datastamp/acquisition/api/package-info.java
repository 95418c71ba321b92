/** Scans: acquiring frames from a detector into a NeXus file with metadata, and recording the dataset. */
package org.datastamp.acquisition.api;

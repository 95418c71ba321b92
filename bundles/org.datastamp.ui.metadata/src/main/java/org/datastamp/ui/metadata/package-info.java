/** The workbench view where beamline staff edit what their scans record, with its Git history. */
package org.datastamp.ui.metadata;

/** Workbench views of remote analytics: submit and follow analysis jobs, and draw a dataset's lineage both ways. */
package org.datastamp.ui.analytics;

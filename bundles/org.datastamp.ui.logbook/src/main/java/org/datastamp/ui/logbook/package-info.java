/** Workbench views of the electronic logbook (a session's scans, notes, comments, images, ratings) and the mail-in queue. */
package org.datastamp.ui.logbook;

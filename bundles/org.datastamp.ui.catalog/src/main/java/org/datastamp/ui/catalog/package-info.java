/**
 * Workbench views of the platform's contents: the capabilities registered now, and the catalogue's datasets with
 * a button that runs a simulated scan. Formatting is in plain classes; the panels only place it in widgets.
 */
package org.datastamp.ui.catalog;

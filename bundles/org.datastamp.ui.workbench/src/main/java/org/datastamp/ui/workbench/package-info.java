/**
 * The web workbench: the RAP application at {@code /workbench}, one tab per
 * {@link org.datastamp.ui.api.WorkbenchView} service, kept live with server push; and the redirect from the server
 * root.
 */
package org.datastamp.ui.workbench;

/**
 * Contributing views to the DataSTaMP web workbench (Eclipse RAP): a bundle registers a
 * {@link org.datastamp.ui.api.WorkbenchView} service and the workbench shows it in every open browser session,
 * and removes it when the service goes away. RAP's SWT packages carry no version, so this bundle and its
 * consumers require the {@code org.eclipse.rap.rwt} bundle with a version range instead.
 */
package org.datastamp.ui.api;

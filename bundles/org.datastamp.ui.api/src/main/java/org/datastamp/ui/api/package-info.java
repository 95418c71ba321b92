/**
 * Contributing views to the DataSTaMP web workbench (Eclipse RAP): a bundle registers a
 * {@link org.datastamp.ui.api.WorkbenchView} service and the workbench shows it in every open browser session,
 * and removes it when the service goes away. RAP's SWT packages carry no version, so this bundle and its
 * consumers require the {@code org.eclipse.rap.rwt} bundle with a version range instead.
 * <p>
 * 1.1 adds {@link org.datastamp.ui.api.ViewContext#user()}; 1.2 adds
 * {@link org.datastamp.ui.api.ViewContext#download(String, String, byte[])} (files offered to the browser).
 * {@code ViewContext} is implemented by the workbench only, so adding to it is a minor change.
 */
package org.datastamp.ui.api;

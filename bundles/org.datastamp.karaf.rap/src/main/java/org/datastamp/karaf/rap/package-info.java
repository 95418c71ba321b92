/**
 * Lets Eclipse RAP's OSGi integration (org.eclipse.rap.rwt.osgi 3.29) run on Pax Web 8, Karaf's HTTP service.
 *
 * <p>rwt.osgi registers two servlets of the same class (its {@code CutOffContextPathWrapper}: the servlet-context
 * finder and the entry point) through {@code HttpService.registerServlet} without a servlet name. Pax Web 8 then names
 * both after that class and refuses the second ("already contains servlet named ..."), so the workbench never starts.
 * rwt.osgi also registers its resource folder by absolute file path, which Pax Web 8 turns into a relative name
 * (404 for rap-client.js, a blank page). Here rwt.osgi is shown, instead of Pax Web's HttpService, one that names
 * every servlet after its alias and passes the folder as a {@code file:} URL. Karaf distribution only: Felix HTTP
 * (the Equinox product) needs neither.
 */
package org.datastamp.karaf.rap;

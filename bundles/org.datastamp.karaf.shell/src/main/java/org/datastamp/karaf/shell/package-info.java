/**
 * Karaf shell commands of DataSTaMP (scope {@code datastamp}), found by Karaf's command extender through the
 * {@code Karaf-Commands} manifest header. Part of the Karaf distribution only.
 */
package org.datastamp.karaf.shell;

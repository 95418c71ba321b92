/**
 * Behaviour every storage backend must show, as an abstract JUnit 5 class that a backend's tests extend. Test
 * support only: no product or feature contains this bundle.
 */
package org.datastamp.storage.testing;

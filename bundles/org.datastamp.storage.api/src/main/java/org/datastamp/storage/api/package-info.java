/** Storage backends (hot disk, tape, cloud) as plugins behind one SPI. */
package org.datastamp.storage.api;

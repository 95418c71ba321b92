package org.datastamp.storage.tape.simulator;

/**
 * Where an object lies on tape.
 *
 * @param key       object key
 * @param cartridge cartridge barcode, e.g. {@code DS0001L8}
 * @param position  byte offset of the object's first byte on the cartridge
 * @param size      object length in bytes
 */
public record Placement(String key, String cartridge, long position, long size) {
}

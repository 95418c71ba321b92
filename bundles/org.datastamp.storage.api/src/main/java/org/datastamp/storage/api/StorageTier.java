package org.datastamp.storage.api;

/** The media a facility keeps data on. */
public enum StorageTier {
    HOT_DISK, TAPE, CLOUD
}

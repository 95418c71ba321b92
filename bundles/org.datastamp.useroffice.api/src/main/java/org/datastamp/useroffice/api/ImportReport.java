package org.datastamp.useroffice.api;

/**
 * What an import wrote.
 *
 * @param importer    the importer that read the file
 * @param persons     people saved
 * @param proposals   proposals saved
 * @param sessions    sessions saved
 * @param samples     samples saved
 * @param allocations allocations saved
 */
public record ImportReport(String importer, int persons, int proposals, int sessions, int samples, int allocations) {
}

package org.datastamp.useroffice.api;

/**
 * Reads records exported by an external user-office system (a plugin: register one as a service). It only reads;
 * {@link UserOffice#importFile} checks and writes what it read in one transaction.
 */
public interface UserOfficeImporter {

    /** Short name, e.g. {@code file}. */
    String id();

    /** Whether this importer reads a file of this name (by its extension, e.g. {@code .json}, {@code .csv}). */
    boolean accepts(String fileName);

    /**
     * Reads every record of the file.
     *
     * @throws ImportException listing each bad row with its line number (all of them, not only the first)
     */
    ImportedRecords read(String fileName, byte[] content) throws ImportException;
}

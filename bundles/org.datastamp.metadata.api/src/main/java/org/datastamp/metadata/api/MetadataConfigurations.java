package org.datastamp.metadata.api;

import java.util.List;

/**
 * The beamlines' metadata configurations with their full history. Every save is a new revision with author and
 * message; nothing is ever overwritten, so any earlier version can be shown, compared and restored.
 */
public interface MetadataConfigurations {

    /** Instruments that have a configuration, sorted. */
    List<String> instruments() throws MetadataConfigurationException;

    /** The instrument's current configuration; {@link MetadataConfiguration#empty} if it has none. */
    MetadataConfiguration current(String instrument) throws MetadataConfigurationException;

    /** Saves a new revision; saving a configuration equal to the current one returns the current revision. */
    ConfigurationRevision save(MetadataConfiguration configuration, String author, String message)
            throws MetadataConfigurationException;

    /** The instrument's revisions, newest first. */
    List<ConfigurationRevision> history(String instrument) throws MetadataConfigurationException;

    /** The configuration as it was at a revision. */
    MetadataConfiguration at(String instrument, String revisionId) throws MetadataConfigurationException;

    /** A unified diff of the instrument's configuration text between two revisions. */
    String diff(String instrument, String fromRevisionId, String toRevisionId) throws MetadataConfigurationException;

    /** Makes an earlier revision current again, as a new revision (history is never rewritten). */
    ConfigurationRevision restore(String instrument, String revisionId, String author)
            throws MetadataConfigurationException;

    /**
     * Fetches the shared configuration repository (a partner site's or the facility's central one) and merges it into
     * the local history, so configurations saved elsewhere become current here. Local revisions are kept; when both
     * sides changed the same instrument's lines the pull is undone and refused, naming the instruments.
     *
     * @return the instruments whose configuration changed, sorted; empty when nothing was new
     * @throws MetadataConfigurationException when no shared repository is configured, it cannot be reached, or the
     *                                        changes conflict
     */
    default List<String> pull() throws MetadataConfigurationException {
        throw new MetadataConfigurationException("This metadata configuration store has no shared repository to pull"
                + " from");
    }
}

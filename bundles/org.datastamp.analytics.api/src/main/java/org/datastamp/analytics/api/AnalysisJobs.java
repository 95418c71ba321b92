package org.datastamp.analytics.api;

import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.Viewer;

/**
 * Runs processing plugins as jobs in a bounded worker pool; every job and its outcome is recorded in the catalogue's
 * database. Provided by the platform, not implemented by plugins.
 */
public interface AnalysisJobs {

    /** The plugins registered now. */
    List<PluginDescription> plugins();

    /**
     * Queues a job. The viewer must be able to see every input; parameters are checked against the plugin's
     * declaration before anything is queued.
     */
    AnalysisJob submit(JobRequest request, Viewer viewer) throws AnalysisException;

    /** A job the viewer may see (their own, or any for curators and admins). */
    Optional<AnalysisJob> job(String id, Viewer viewer) throws AnalysisException;

    /** The viewer's jobs, newest first. */
    List<AnalysisJob> jobs(Viewer viewer, int offset, int limit) throws AnalysisException;

    /** Cancels a queued or running job; cancelling a finished job changes nothing and returns it as it is. */
    AnalysisJob cancel(String id, Viewer viewer) throws AnalysisException;
}

package org.datastamp.analytics.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** What a running job gives its plugin. Provided by the job service, not implemented by plugins. */
public interface ProcessingContext {

    /** The job's id (for log lines). */
    String jobId();

    /** The input datasets, in the order the request named them, with their files readable. */
    List<InputDataset> inputs();

    /** The parameters: every declared parameter, with the request's value or the default. */
    Map<String, String> parameters();

    /** An empty directory for the output files; it becomes the derived dataset's location. */
    Path outputDirectory();

    /** Reports progress, {@code fraction} from 0 to 1, with a short message. */
    void progress(double fraction, String message);

    /** Throws when the job has been cancelled; plugins call it between steps. */
    void checkCancelled() throws CancellationException;
}

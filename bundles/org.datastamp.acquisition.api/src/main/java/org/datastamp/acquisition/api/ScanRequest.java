package org.datastamp.acquisition.api;

/**
 * What to acquire.
 *
 * @param detectorId capability id of the detector to use
 * @param frameCount number of frames, 1..1,000,000
 * @param title      dataset title
 * @param sampleName sample being measured, may be empty
 */
public record ScanRequest(String detectorId, int frameCount, String title, String sampleName) {

    /** Upper bound on frames per scan; guards the disk against a typo. */
    public static final int MAX_FRAMES = 1_000_000;

    public ScanRequest {
        if (detectorId == null || detectorId.isBlank()) {
            throw new IllegalArgumentException("A scan needs a detector id");
        }
        if (frameCount < 1 || frameCount > MAX_FRAMES) {
            throw new IllegalArgumentException("frameCount must be between 1 and " + MAX_FRAMES + ", got " + frameCount);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A scan needs a title");
        }
        sampleName = sampleName == null ? "" : sampleName;
    }
}

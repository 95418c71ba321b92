package org.datastamp.detector.api;

import java.io.IOException;

/** Receives frames in order; a thrown exception stops the acquisition and is reported, never dropped. */
@FunctionalInterface
public interface FrameConsumer {

    void accept(Frame frame) throws IOException;
}

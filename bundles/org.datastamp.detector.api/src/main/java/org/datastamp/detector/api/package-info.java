/**
 * Detector plugins: a {@link org.datastamp.detector.api.DetectorDriver} service per detector (simulated,
 * DECTRIS stream, ...), found at runtime by the acquisition service.
 */
package org.datastamp.detector.api;

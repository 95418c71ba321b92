/**
 * Scientific metadata configuration: per beamline, which control-system variables are recorded with every scan
 * (kept with full history), and schema plugins that check what a scan recorded against an application definition.
 */
package org.datastamp.metadata.api;

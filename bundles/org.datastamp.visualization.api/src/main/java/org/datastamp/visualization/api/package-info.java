/** Visualizer plugins: each declares which data it can show and is offered for it. */
package org.datastamp.visualization.api;

/**
 * Remote analytics: processing plugins that turn catalogued datasets into derived datasets, the jobs that run them,
 * the provenance that links a derived dataset to its inputs, and notebooks opened on a dataset.
 */
package org.datastamp.analytics.api;

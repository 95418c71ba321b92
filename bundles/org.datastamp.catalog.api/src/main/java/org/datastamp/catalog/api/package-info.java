/**
 * The catalogue: every dataset, its files and its scientific metadata. The skeleton holds datasets; proposals,
 * sessions, samples and access control follow the catalogue issue.
 */
package org.datastamp.catalog.api;

/**
 * The REST API: plain javax servlets on the OSGi HTTP Whiteboard, one per resource, answering JSON and RFC 9457
 * problem documents. Resources, request parsing and JSON mapping are plain classes; the servlets only adapt the
 * servlet API and follow the services (registry, catalogue, scan service) as they come and go.
 */
package org.datastamp.rest;

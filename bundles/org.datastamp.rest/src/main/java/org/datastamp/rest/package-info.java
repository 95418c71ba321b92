/**
 * The REST API: plain javax servlets on the OSGi HTTP Whiteboard, one per resource, answering JSON and RFC 9457
 * problem documents. Resources, request parsing and JSON mapping are plain classes; the servlets only adapt the
 * servlet API and follow the services (registry, catalogue, search, directory, scan service) as they come and go.
 * Every request is authenticated in one place, {@link org.datastamp.rest.ApiAuthentication}, and each resource passes
 * the caller's {@code Viewer} to the catalogue, which applies the access rule. Each servlet has a
 * whiteboard name: Pax Web 8 (Karaf) names unnamed servlets after their interface, so they would collide.
 */
package org.datastamp.rest;

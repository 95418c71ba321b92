/**
 * Shared vocabulary of the platform: capabilities (the plugins a facility adds) and the registry that
 * reports them.
 */
package org.datastamp.core.api;

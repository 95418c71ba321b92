/** DOI providers (DataCite, a local test provider) that mint persistent identifiers for published data. */
package org.datastamp.doi.api;

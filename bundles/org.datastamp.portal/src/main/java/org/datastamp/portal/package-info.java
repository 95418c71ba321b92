/**
 * The open data side of the platform, all anonymous and all over public data only: DOI landing pages with schema.org
 * JSON-LD and citations, the OAI-PMH 2.0 endpoint for harvesters, and the PaNOSC search API for the federated
 * PaNOSC/EOSC search. Implementation package: nothing is exported.
 */
package org.datastamp.portal;

/**
 * User-office services beside the catalogue's proposals, sessions and samples: block allocations, sample sheets
 * with safety information and labels, mail-in shipments with their lifecycle, and importers from an external
 * user-office system.
 */
package org.datastamp.useroffice.api;

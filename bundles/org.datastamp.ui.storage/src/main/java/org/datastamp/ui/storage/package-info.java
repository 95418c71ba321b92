/**
 * The workbench's Storage view for curators and admins: tiers with their capacity, the lifecycle policies' queues,
 * recall requests, recent fixity audit results and the planning report with its chart.
 */
package org.datastamp.ui.storage;

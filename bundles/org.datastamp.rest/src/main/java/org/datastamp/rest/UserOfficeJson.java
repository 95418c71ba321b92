package org.datastamp.rest;

import java.util.List;
import java.util.TreeSet;

import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.ImportReport;
import org.datastamp.useroffice.api.SampleSheet;
import org.datastamp.useroffice.api.Shipment;
import org.datastamp.useroffice.api.ShipmentEvent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The user office's records as JSON; field names are those the request bodies use. */
final class UserOfficeJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private UserOfficeJson() {
    }

    static ArrayNode allocations(List<Allocation> allocations) {
        ArrayNode array = JSON.arrayNode();
        allocations.forEach(a -> array.add(allocation(a)));
        return array;
    }

    static ObjectNode allocation(Allocation a) {
        ObjectNode json = JSON.objectNode();
        json.put("id", a.id());
        json.put("proposalId", a.proposalId());
        json.put("instrument", a.instrument());
        json.put("title", a.title());
        json.put("shifts", a.shifts());
        ArrayNode sessions = json.putArray("sessionIds");
        new TreeSet<>(a.sessionIds()).forEach(sessions::add);
        return json;
    }

    static ObjectNode sample(SampleSheet s) {
        ObjectNode json = JSON.objectNode();
        json.put("id", s.sample().id());
        json.put("name", s.sample().name());
        json.put("description", s.sample().description());
        json.put("proposalId", s.sample().proposalId());
        json.put("composition", s.composition());
        json.put("hazard", s.hazard().name());
        json.put("safety", s.safety());
        json.put("labelPng", "/api/v1/useroffice/samples/" + s.sample().id() + "/label.png");
        json.put("labelPdf", "/api/v1/useroffice/samples/" + s.sample().id() + "/label.pdf");
        return json;
    }

    static ArrayNode shipments(List<Shipment> shipments) {
        ArrayNode array = JSON.arrayNode();
        shipments.forEach(s -> array.add(shipment(s)));
        return array;
    }

    static ObjectNode shipment(Shipment s) {
        ObjectNode json = JSON.objectNode();
        json.put("id", s.id());
        json.put("proposalId", s.proposalId());
        json.put("instrument", s.instrument());
        json.put("status", s.status().name());
        json.put("tracking", s.tracking());
        ArrayNode samples = json.putArray("sampleIds");
        s.sampleIds().forEach(samples::add);
        ArrayNode next = json.putArray("next");
        s.status().next().stream().sorted().forEach(n -> next.add(n.name()));
        ArrayNode history = json.putArray("history");
        for (ShipmentEvent e : s.history()) {
            ObjectNode event = history.addObject();
            event.put("status", e.status().name());
            event.put("time", e.time().toString());
            event.put("username", e.username());
            event.put("note", e.note());
        }
        return json;
    }

    static ObjectNode report(ImportReport r) {
        ObjectNode json = JSON.objectNode();
        json.put("importer", r.importer());
        json.put("persons", r.persons());
        json.put("proposals", r.proposals());
        json.put("sessions", r.sessions());
        json.put("samples", r.samples());
        json.put("allocations", r.allocations());
        return json;
    }
}

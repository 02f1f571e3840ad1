package se.familycentre.web.api;

import se.familycentre.allocation.Centre;

/** A centre as its JSON document holds it: what the engine needs, and its profile. */
public record CentreDocument(Centre centre, CentreProfile profile) {
}

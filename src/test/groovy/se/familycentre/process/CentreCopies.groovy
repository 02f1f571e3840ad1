package se.familycentre.process

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * Many centres made through the API: the fixture centre Solrosen (a region and a municipality, each owing
 * the other) exported and imported again under another name, with its entities replaced by freshly
 * registered ones where a spec wants its creditors spread or its number series fresh.
 */
class CentreCopies {

    static final String TEMPLATE_NAME = 'Familjecentralen Solrosen'
    static final String REGION = '232100-0131'
    static final String REGION_NAME = 'Västra Götalandsregionen'
    static final String MUNICIPALITY = '212000-1355'
    static final String MUNICIPALITY_NAME = 'Göteborgs Stad'
    /** Imports at once: a few, the machine has two cores. */
    static final int THREADS = 4

    /** 212005-NNNC: municipality-like numbers no fixture uses; one counter per test JVM, so never twice. */
    private static final AtomicInteger NEXT = new AtomicInteger(0)

    final ServiceApi api
    final String template

    CentreCopies(ServiceApi api) {
        this.api = api
        Map solrosen = api.centres().find { it.name == TEMPLATE_NAME }
        assert solrosen: "fixture centre $TEMPLATE_NAME not loaded"
        this.template = api.export(solrosen.id as long)
    }

    /** A valid organisationsnummer (Luhn check digit) not handed out before in this JVM. */
    static String freshOrganisationNumber() {
        int n = NEXT.getAndIncrement()
        assert n < 5000: 'out of fresh organisationsnummer'
        withCheckDigit('21200' + String.format('%04d', 5000 + n))
    }

    static String withCheckDigit(String nine) {
        assert nine ==~ /\d{9}/
        int sum = 0
        for (int i = 0; i < 9; i++) {
            int product = (nine.charAt(i) - ('0' as char)) * (i % 2 == 0 ? 2 : 1)
            sum += product.intdiv(10) + product % 10
        }
        "${nine.substring(0, 6)}-${nine.substring(6)}${(10 - sum % 10) % 10}"
    }

    /** The template with the name changed and, where given, the region and the municipality replaced (number and name). */
    String copy(String centreName, String region = null, String municipality = null) {
        Map doc = new JsonSlurper().parseText(template) as Map
        doc.centre.name = centreName
        Map<String, String> numbers = [:]
        Map<String, String> names = [:]
        if (region) {
            numbers[REGION] = region
            names[REGION_NAME] = "Region $region".toString()
        }
        if (municipality) {
            numbers[MUNICIPALITY] = municipality
            names[MUNICIPALITY_NAME] = "Kommun $municipality".toString()
        }
        doc.centre.entities.each { Map e -> e.name = names[e.name] ?: e.name }
        JsonOutput.toJson(replaced(doc, numbers))
    }

    /** Every string equal to a key, wherever it stands in the document, replaced by its value. */
    static Object replaced(Object node, Map<String, String> replacements) {
        switch (node) {
            case Map: return (node as Map).collectEntries { k, v -> [(k): replaced(v, replacements)] }
            case List: return (node as List).collect { replaced(it, replacements) }
            case String: return replacements[node] ?: node
            default: return node
        }
    }

    /**
     * {@code count} copies, the municipality of copy i being {@code municipalities[i % size]} (the fixture's
     * own when the list is empty) and the region {@code region} (the fixture's when null); imported a few at
     * a time. Their ids, in the order of i.
     */
    List<Long> importCopies(int count, List<String> municipalities = [], String region = null, String label = 'Kopia') {
        List<String> documents = (0..<count).collect { int i ->
            copy("$label ${i + 1} av Solrosen", region, municipalities ? municipalities[i % municipalities.size()] : null)
        }
        def pool = Executors.newFixedThreadPool(THREADS)
        try {
            List futures = documents.collect { String doc -> pool.submit({ api.importCentre(doc) } as Callable<Long>) }
            futures.collect { it.get(300, TimeUnit.SECONDS) as Long }
        } finally {
            pool.shutdownNow()
        }
    }

    /** Registers {@code n} municipalities: the names are "Kommun {orgNo}", as {@link #copy} writes them. */
    List<String> newMunicipalities(int n) {
        (1..n).collect {
            String orgNo = freshOrganisationNumber()
            api.registerEntity(orgNo, "Kommun $orgNo")
            orgNo
        }
    }

    /** Registers a region named as {@link #copy} writes it. */
    String newRegion() {
        String orgNo = freshOrganisationNumber()
        api.registerEntity(orgNo, "Region $orgNo")
        orgNo
    }
}

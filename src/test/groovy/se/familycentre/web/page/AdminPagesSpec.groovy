package se.familycentre.web.page

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import se.familycentre.web.AdminByDefault
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The administrators' pages (issue 12) over HTTP, as a browser signed in as an administrator uses
 * them: a legal entity registered with a form and listed, a bad organisationsnummer named next to
 * its field; a user created with roles and entities who then signs in; a token whose secret is shown
 * once, authenticates an API call and is refused after its revocation; an October index value with a
 * decimal comma; the audit log with these events. A finance officer gets the 404 page everywhere
 * under /admin, a newcomer the sign-in form.
 */
@Stepwise
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = 'micronaut.http.client.follow-redirects', value = 'false')
class AdminPagesSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server

    @Shared String suffix = UUID.randomUUID().toString().substring(0, 8)
    @Shared String orgNo = StatementApi.orgNo()
    @Shared String second = StatementApi.orgNo()
    @Shared String series = 'T' + UUID.randomUUID().toString().replace('-', '').substring(0, 8).toUpperCase()
    @Shared Map<String, String> cookies = [:]
    @Shared long entityId
    @Shared long userId
    @Shared long tokenId
    @Shared String secret

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** A request as a browser sends it: the session cookie, and on a form its own origin; a form's fields in order, repeated where repeated. */
    StatementApi.Answer browser(String method, String path, List<List<String>> form = null, String cookie = null) {
        MutableHttpRequest<?> request = method == 'GET' ? HttpRequest.GET(path)
                : HttpRequest.POST(path, form.collect { kv -> "${URLEncoder.encode(kv[0], 'UTF-8')}=${URLEncoder.encode(kv[1], 'UTF-8')}" }.join('&'))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
        request.header(AdminByDefault.ANONYMOUS, 'yes')
        if (cookie) {
            request.header('Cookie', "FC_SESSION=$cookie")
        }
        if (method != 'GET') {
            request.header('Origin', "http://localhost:${server.port}")
        }
        api.exchange(request)
    }

    StatementApi.Answer admin(String method, String path, List<List<String>> form = null) {
        browser(method, path, form, cookies.chef)
    }

    static List<List<String>> pairs(Map<String, String> m) {
        m.collect { k, v -> [k, v] }
    }

    String signIn(String username, String password) {
        def a = browser('POST', '/logga-in', [['username', username], ['password', password]])
        assert a.status == 303: "$a.status $a.text"
        (a.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]
    }

    /** The page's text with no-break spaces as spaces. */
    static String text(StatementApi.Answer a) {
        a.text.replace('\u00a0', ' ')
    }

    def "an administrator and a finance officer sign in; a newcomer at /admin is sent to sign in"() {
        when:
        [chef: ['ADMIN'], ekonom: ['FINANCE']].each { name, roles ->
            def a = api.post('/api/v1/users', JsonOutput.toJson([username: "$name-$suffix", displayName: "Namn $name",
                    password: "$name-$suffix-losenord", roles: roles, mustChangePassword: false]))
            assert a.status == 201: "$a"
            cookies[name] = signIn("$name-$suffix", "$name-$suffix-losenord")
        }
        def anonymous = browser('GET', '/admin')

        then:
        anonymous.status == 303
        anonymous.header('Location') == '/logga-in'
        browser('GET', '/', null, cookies.chef).text.contains('<a href="/admin" id="administration">Administration</a>')
        !browser('GET', '/', null, cookies.ekonom).text.contains('href="/admin"')
    }

    def "the index links to every section"() {
        when:
        def page = admin('GET', '/admin')

        then:
        page.status == 200
        page.text.contains('<h1>Administration</h1>')
        ['/admin/organisationer', '/admin/anvandare', '/admin/tokens', '/admin/index', '/admin/logg'].every {
            page.text.contains("href=\"$it\"")
        }
    }

    def "an administrator registers a legal entity with its invoicing data and sees it listed, as the API stores it"() {
        when:
        def form = admin('GET', '/admin/organisationer/ny')
        def created = admin('POST', '/admin/organisationer/ny', pairs([organisationNumber: orgNo, name: "Testkommunen $suffix",
                invoiceAddress: "Box 1\r\n123 45 Staden", invoiceReference: 'Ref 42', paymentTermsDays: '20',
                bankgiro: '', plusgiro: '', iban: '', bic: '', vatTreatment: 'STANDARD',
                vatNumber: 'SE' + orgNo.replace('-', '') + '01', vatReason: '', contactName: 'Kim Ek',
                contactEmail: 'kim@example.se', contactPhone: '031-365 00 00', peppolScheme: '', peppolId: '',
                accountReceivable: '1511', accountRevenue: '', accountCost: '', accountPayable: '', accountVatOutput: '',
                accountVatInput: '', version: '']))
        def list = admin('GET', created.header('Location'))
        def stored = api.get("/api/v1/entities/$orgNo").json
        entityId = stored.id as long

        then:
        form.status == 200
        ['organisationNumber', 'name', 'invoiceAddress', 'invoiceReference', 'paymentTermsDays', 'bankgiro', 'plusgiro',
         'iban', 'bic', 'vatTreatment', 'vatNumber', 'vatReason', 'contactName', 'contactEmail', 'contactPhone',
         'peppolScheme', 'peppolId', 'accountReceivable', 'accountVatInput'].every { form.text.contains("<label for=\"$it\"") }
        created.status == 303
        created.header('Location') == "/admin/organisationer?sparad=$orgNo"
        list.status == 200
        list.text.contains("Organisationen Testkommunen $suffix ($orgNo) är sparad.")
        list.text.contains("<th scope=\"row\">Testkommunen $suffix</th>")
        list.text.contains("<td>$orgNo</td>")
        list.text.contains('Momspliktig, SE' + orgNo.replace('-', '') + '01')
        list.text.contains('0007:' + orgNo.replace('-', ''))
        stored.name == "Testkommunen $suffix"
        stored.invoiceAddress == "Box 1\n123 45 Staden"
        stored.paymentTermsDays == 20
        stored.invoicing.vatTreatment == 'STANDARD'
        stored.invoicing.contact.email == 'kim@example.se'
        stored.invoicing.accounts.receivable == '1511'
        stored.invoicing.accounts.revenue == '3990'
    }

    def "a bad organisationsnummer is refused with 422, named next to its input and in the summary; the entered values stay"() {
        given:
        String bad = orgNo.substring(0, 10) + ((orgNo[10] as int) + 1) % 10

        when:
        def a = admin('POST', '/admin/organisationer/ny', pairs([organisationNumber: bad, name: 'Felkommunen',
                bankgiro: '123', vatTreatment: 'OUTSIDE_SCOPE']))
        def t = text(a)

        then:
        a.status == 422
        t.contains('<a href="#organisationNumber">Organisationsnumret har fel kontrollsiffra (den sista siffran stämmer inte).</a>')
        t.contains('<p class="field-error" id="organisationNumber-fel">Organisationsnumret har fel kontrollsiffra (den sista siffran stämmer inte).</p>')
        t =~ /id="organisationNumber"[^>]*value="${bad}"[^>]*aria-invalid="true"[^>]*aria-describedby="organisationNumber-tips organisationNumber-fel"/
        t.contains('<a href="#bankgiro">Skriv bankgironumret som 7 eller 8 siffror: NNN-NNNN eller NNNN-NNNN.</a>')
        t.contains('value="Felkommunen"')
        api.get("/api/v1/entities/$bad").status == 404
    }

    def "a registered organisationsnummer is refused next to its field"() {
        when:
        def a = admin('POST', '/admin/organisationer/ny', pairs([organisationNumber: orgNo, name: 'Dubbel']))

        then:
        a.status == 422
        a.text.contains('<a href="#organisationNumber">Det finns redan en organisation med det organisationsnumret.</a>')
    }

    def "the entity is edited with its version; a stale version is a conflict"() {
        when:
        def form = admin('GET', "/admin/organisationer/$entityId")
        String version = (form.text =~ /name="version" value="(\d+)"/)[0][1]
        def changed = admin('POST', "/admin/organisationer/$entityId", pairs([name: "Nya kommunen $suffix",
                vatTreatment: 'OUTSIDE_SCOPE', bankgiro: '5050-1055', version: version]))
        def stale = admin('POST', "/admin/organisationer/$entityId", pairs([name: 'Gammal', vatTreatment: 'OUTSIDE_SCOPE',
                version: version]))
        def stored = api.get("/api/v1/entities/$orgNo").json

        then:
        form.status == 200
        form.text.contains("value=\"Testkommunen $suffix\"")
        form.text.contains('value="kim@example.se"')
        form.text.contains('<option value="STANDARD" selected="selected">')
        changed.status == 303
        stored.name == "Nya kommunen $suffix"
        stored.invoicing.bankgiro == '5050-1055'
        stored.invoicing.vatTreatment == 'OUTSIDE_SCOPE'
        stale.status == 409
        stale.text.contains('Någon annan har ändrat organisationen')
    }

    def "an administrator creates a user with roles and entities, who then signs in at /logga-in"() {
        given:
        assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: second, name: "Regionen $suffix"])).status == 201

        when:
        def form = admin('GET', '/admin/anvandare/ny')
        def created = admin('POST', '/admin/anvandare/ny', [['username', "ny-$suffix"], ['displayName', 'Nya Ekonomen'],
                ['password', 'ett-långt-startlösenord'], ['roles', 'FINANCE'], ['roles', 'STEERING'],
                ['entities', orgNo], ['entities', second]])
        def users = api.get('/api/v1/users').json.items
        def user = users.find { it.username == "ny-$suffix" }
        userId = user.id as long
        def list = admin('GET', created.header('Location'))
        String cookie = signIn("ny-$suffix", 'ett-långt-startlösenord')

        then:
        form.status == 200
        form.text.contains('<legend>Roller</legend>')
        form.text.contains('<label for="role-ADMIN">Administratör</label>')
        form.text.contains('<label for="role-FINANCE">Ekonom</label>')
        form.text.contains('<label for="role-STEERING">Styrgrupp</label>')
        form.text.contains('<label for="role-SYSTEM">System</label>')
        form.text.contains("<label for=\"entity-$orgNo\">Nya kommunen $suffix ($orgNo)</label>")
        created.status == 303
        user.displayName == 'Nya Ekonomen'
        (user.roles as Set) == ['FINANCE', 'STEERING'] as Set
        (user.entities as Set) == [orgNo, second] as Set
        list.text.contains("Användaren ny-$suffix är sparad.")
        list.text.contains('Ekonom, Styrgrupp')
        text(list).contains("Regionen $suffix ($second)")
        browser('GET', '/', null, cookie).status == 200
    }

    def "a user without a role, with a short password or a taken username is refused at each field"() {
        when:
        def a = admin('POST', '/admin/anvandare/ny', [['username', "ny-$suffix"], ['displayName', ''], ['password', 'kort']])

        then:
        a.status == 422
        a.text.contains('<a href="#displayName">Fyll i namnet.</a>')
        a.text.contains('<a href="#password">Lösenordet måste ha minst 12 tecken.</a>')
        a.text.contains('<a href="#roles">Välj minst en roll.</a>')
        a.text.contains('id="roles-fel"')
        !a.text.contains('value="kort"')
    }

    def "the user's roles and entities change; deactivated the user cannot sign in, reactivated again"() {
        when:
        def changed = admin('POST', "/admin/anvandare/$userId", [['displayName', 'Nya Ekonomen'], ['roles', 'FINANCE'],
                ['entities', second]])
        def user = api.get("/api/v1/users/$userId").json
        def off = admin('POST', "/admin/anvandare/$userId/inaktivera", [])
        boolean disabled = api.get("/api/v1/users/$userId").json.disabled
        def refused = browser('POST', '/logga-in', [['username', "ny-$suffix"], ['password', 'ett-långt-startlösenord']])
        def page = admin('GET', "/admin/anvandare/$userId")
        def on = admin('POST', "/admin/anvandare/$userId/aktivera", [])

        then:
        changed.status == 303
        user.roles == ['FINANCE']
        user.entities == [second]
        off.status == 303
        disabled
        api.get("/api/v1/users/$userId").json.disabled == false
        refused.status == 401
        page.text.contains('Användaren är inaktiverad och kan inte logga in.')
        page.text.contains('Aktivera användaren igen')
        on.status == 303
        signIn("ny-$suffix", 'ett-långt-startlösenord')
    }

    def "a user locked out by five wrong passwords is shown locked, until when; an administrator unlocks them and they sign in"() {
        given:
        assert api.post('/api/v1/users', groovy.json.JsonOutput.toJson([username: "las-$suffix", displayName: 'Låst',
                password: "las-$suffix-password", roles: ['FINANCE'], entities: [orgNo], mustChangePassword: false])).status == 201
        def before = admin('GET', '/admin/anvandare')

        when:
        def tries = (1..5).collect { browser('POST', '/logga-in', [['username', "las-$suffix"], ['password', 'fel-losenord-x']]).status }
        def after = admin('GET', '/admin/anvandare')

        then:
        tries.every { it != 303 }
        row(before, "las-$suffix").contains('<td>Aktiv</td>')
        row(after, "las-$suffix") =~ /<td>Låst till \d{4}-\d{2}-\d{2} \d{2}:\d{2} efter för många felaktiga lösenord<\/td>/
        browser('POST', '/logga-in', [['username', "las-$suffix"], ['password', "las-$suffix-password"]]).status != 303

        when: 'the administrator unlocks the user from the user page'
        long id = api.get('/api/v1/users').json.items.find { it.username == "las-$suffix" }.id as long
        def page = admin('GET', "/admin/anvandare/$id")
        def unlocked = admin('POST', "/admin/anvandare/$id/las-upp", [])
        def list = admin('GET', '/admin/anvandare')
        def log = admin('GET', "/admin/logg?typ=user&vem=chef-$suffix")

        then: 'the lockout is gone, the right password signs in, and the log says who unlocked'
        page.text.contains('<button type="submit" id="las-upp" aria-describedby="last">Lås upp nu</button>')
        unlocked.status == 303
        row(list, "las-$suffix").contains('<td>Aktiv</td>')
        !admin('GET', "/admin/anvandare/$id").text.contains('id="las-upp"')
        browser('POST', '/logga-in', [['username', "las-$suffix"], ['password', "las-$suffix-password"]]).status == 303
        text(log).contains('Låste upp')
    }

    /** The users page's row of the user. */
    static String row(StatementApi.Answer page, String username) {
        def m = (text(page) =~ /(?s)<tr id="anvandare-${username}">(.*?)<\/tr>/)
        assert m.find(): "no row of $username"
        m.group(1)
    }

    def "an administrator cannot deactivate herself or drop her own ADMIN role"() {
        given:
        long me = api.get('/api/v1/users').json.items.find { it.username == "chef-$suffix" }.id as long

        when:
        def off = admin('POST', "/admin/anvandare/$me/inaktivera", [])
        def demoted = admin('POST', "/admin/anvandare/$me", [['displayName', 'Namn chef'], ['roles', 'FINANCE']])

        then:
        off.status == 422
        off.text.contains('Du kan inte inaktivera dig själv.')
        demoted.status == 422
        demoted.text.contains('<a href="#roles">Du kan inte ta bort din egen administratörsroll; be en annan administratör.</a>')
        api.get("/api/v1/users/$me").json.roles == ['ADMIN']
    }

    def "a SYSTEM token's secret is shown once on the answer, authenticates an API call, never appears in the list, and is refused once revoked"() {
        when:
        def form = admin('GET', '/admin/tokens')
        def created = admin('POST', '/admin/tokens', [['name', "Ekonomisystemet $suffix"], ['userId', ''],
                ['entities', orgNo], ['validDays', '30']])
        secret = (created.text =~ /id="tokenSecret"[^>]*value="(fct_[A-Za-z0-9_-]+)"/)[0][1]
        def listed = admin('GET', '/admin/tokens')
        def token = api.get('/api/v1/tokens').json.items.find { it.name == "Ekonomisystemet $suffix" }
        tokenId = token.id as long
        def call = bearer('/api/v1/entities')

        then:
        form.status == 200
        form.text.contains('<label for="name">Namn</label>')
        form.text.contains('<label for="userId">Agerar som</label>')
        form.text.contains('<label for="validDays">Giltig i antal dagar</label>')
        created.status == 201
        created.header('Cache-Control') == 'no-store'
        created.text.contains('Kopiera nu – den visas inte igen')
        secret.startsWith(token.prefix as String)
        call.status == 200
        listed.status == 200
        !listed.text.contains(secret)
        listed.text.contains("<th scope=\"row\">Ekonomisystemet $suffix</th>")
        listed.text.contains("System: $orgNo")
        listed.text.contains("<code>${token.prefix}…</code>")
        listed.text.contains("href=\"/admin/tokens/$tokenId/aterkalla\"")
    }

    def "the token form sent twice (a reload, a second click) creates one token; the second answer says so in Swedish"() {
        given:
        def form = admin('GET', '/admin/tokens')
        String key = (form.text =~ /<input type="hidden" name="nyckel" value="([0-9a-f-]{36})">/)[0][1]
        def fields = [['nyckel', key], ['name', "Dubbelklick $suffix"], ['userId', ''], ['entities', orgNo], ['validDays', '30']]

        when:
        def first = admin('POST', '/admin/tokens', fields)
        def again = admin('POST', '/admin/tokens', fields)
        def other = admin('GET', '/admin/tokens')

        then:
        first.status == 201
        again.status == 409
        again.text.contains("Formuläret har redan skapat token Dubbelklick $suffix (fct_")
        !again.text.contains('id="tokenSecret"')
        api.get('/api/v1/tokens').json.items.count { it.name == "Dubbelklick $suffix" } == 1
        (other.text =~ /name="nyckel" value="([0-9a-f-]{36})"/)[0][1] != key
    }

    def "revoking asks first, then the token is refused"() {
        when:
        def confirm = admin('GET', "/admin/tokens/$tokenId/aterkalla")
        int before = bearer('/api/v1/entities').status
        def revoked = admin('POST', "/admin/tokens/$tokenId/aterkalla", [])
        def listed = admin('GET', revoked.header('Location'))

        then:
        confirm.status == 200
        confirm.text.contains('<button type="submit" class="primary danger" id="bekrafta-aterkalla">Återkalla token</button>')
        before == 200
        revoked.status == 303
        bearer('/api/v1/entities').status == 401
        listed.text.contains("Token Ekonomisystemet $suffix")
        listed.text.contains('är återkallad')
        !listed.text.contains(secret)
        api.get('/api/v1/tokens').json.items.find { it.id == tokenId }.revokedAt != null
    }

    StatementApi.Answer bearer(String path) {
        api.exchange(HttpRequest.GET(path).header('Authorization', "Bearer $secret"))
    }

    def "a token without a user or entities, or with a bad validity, is refused at its fields"() {
        when:
        def a = admin('POST', '/admin/tokens', [['name', ''], ['userId', ''], ['validDays', 'ett år']])
        def b = admin('POST', '/admin/tokens', [['name', 'x'], ['userId', ''], ['validDays', '0']])

        then:
        a.status == 422
        a.text.contains('<a href="#validDays">Ange giltighetstiden som ett helt antal dagar, 1–730.</a>')
        b.status == 422
        b.text.contains('<a href="#entities">Välj de organisationer som systemtoken ska agera för.</a>')
        b.text.contains('<a href="#validDays">')
    }

    def "an October value written with a decimal comma is entered and listed; another value for the year and a non-number are refused next to their fields"() {
        when:
        def entered = admin('POST', '/admin/index', pairs([series: series, year: '2024', october: '409,07']))
        def page = admin('GET', entered.header('Location'))
        def again = admin('POST', '/admin/index', pairs([series: series, year: '2024', october: '410']))
        def nan = admin('POST', '/admin/index', pairs([series: series, year: '2023', october: 'fyrahundra']))
        def stored = api.get("/api/v1/index-series/$series").json

        then:
        entered.status == 303
        text(page).contains("Oktobervärdet för $series 2024 är sparat: 409,07.")
        page.text.contains("<caption>$series: oktobervärden, senaste året först</caption>")
        page.text.contains('<td class="num">409,07</td>')
        stored.values*.october == ['409.07']
        again.status == 422
        text(again).contains("<a href=\"#year\">Oktobervärdet för $series 2024 är redan inlagt (409,07, av chef-$suffix) och kan inte ändras")
        again.text.contains('id="year-fel"')
        nan.status == 422
        nan.text.contains('<a href="#october">Skriv oktobervärdet som ett tal med decimalkomma, till exempel 409,07.</a>')
        nan.text.contains('value="fyrahundra"')
    }

    def "the audit log shows these events newest first in Swedish time, and filters by object and actor"() {
        when:
        def log = admin('GET', '/admin/logg')
        def tokens = admin('GET', "/admin/logg?typ=token&vem=chef-$suffix")
        def t = text(log)

        then:
        log.status == 200
        t.contains('<caption>Händelser, nyaste först (svensk tid)</caption>')
        t =~ /<td class="nowrap">\d{4}-\d\d-\d\d \d\d:\d\d<\/td>\s*<td>chef-$suffix<\/td>\s*<td>Skapade<\/td>\s*<td>Indexvärde<\/td>/
        t.contains("$series October 2024 = 409.07")
        t.contains("Ekonomisystemet $suffix")
        t.indexOf("$series October 2024 = 409.07") < t.indexOf("Ekonomisystemet $suffix")
        t.contains("$orgNo Testkommunen $suffix")
        t.contains('Återkallade token')
        tokens.status == 200
        text(tokens).contains('Skapade token')
        text(tokens).contains('Återkallade token')
        !text(tokens).contains('Indexvärde</td>')
        text(tokens).contains('<span>3</span> händelser')
    }

    def "the log is paged 50 a page with links between the pages"() {
        given: 'more than 50 events'
        String many = series.substring(0, 8) + 'M'
        (1980..2026).each { assert api.put("/api/v1/index-series/$many/values/$it", '{"october": "100"}').status == 201 }

        when:
        def first = admin('GET', '/admin/logg')
        def second = admin('GET', '/admin/logg?sida=2')

        then:
        api.get('/api/v1/audit?size=1').json.totalItems > 50
        (first.text =~ /<tr>\s*<td class="nowrap">\d{4}-/).count == 50
        first.text.contains('href="/admin/logg?sida=2"')
        second.text.contains('href="/admin/logg?sida=1"')
    }

    def "a finance officer gets the 404 page at #method #path; a newcomer is sent to sign in"() {
        when:
        String p = path.replace('ENTITY', "$entityId").replace('USER', "$userId").replace('TOKEN', "$tokenId")
        def a = browser(method, p, method == 'GET' ? null : [['name', 'x']], cookies.ekonom)
        def anonymous = browser(method, p, method == 'GET' ? null : [['name', 'x']])

        then:
        a.status == 404
        a.header('Content-Type').startsWith('text/html')
        a.text.contains('<h1>Hittades inte</h1>')
        anonymous.status == 303
        anonymous.header('Location') == '/logga-in'

        where:
        method | path
        'GET'  | '/admin'
        'GET'  | '/admin/organisationer'
        'GET'  | '/admin/organisationer/ny'
        'POST' | '/admin/organisationer/ny'
        'GET'  | '/admin/organisationer/ENTITY'
        'POST' | '/admin/organisationer/ENTITY'
        'GET'  | '/admin/anvandare'
        'GET'  | '/admin/anvandare/ny'
        'POST' | '/admin/anvandare/ny'
        'GET'  | '/admin/anvandare/USER'
        'POST' | '/admin/anvandare/USER'
        'POST' | '/admin/anvandare/USER/inaktivera'
        'POST' | '/admin/anvandare/USER/aktivera'
        'GET'  | '/admin/tokens'
        'POST' | '/admin/tokens'
        'GET'  | '/admin/tokens/TOKEN/aterkalla'
        'POST' | '/admin/tokens/TOKEN/aterkalla'
        'GET'  | '/admin/index'
        'POST' | '/admin/index'
        'GET'  | '/admin/logg'
    }
}

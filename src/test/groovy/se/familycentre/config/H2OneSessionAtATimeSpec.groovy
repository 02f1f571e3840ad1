package se.familycentre.config

import spock.lang.Specification

/** Which statements take the embedded database's writer lock: all but plain queries. */
class H2OneSessionAtATimeSpec extends Specification {

    def "#sql writes: #writes"() {
        expect:
        H2OneSessionAtATime.writes(sql) == writes

        where:
        sql                                                                        | writes
        'SELECT * FROM centre WHERE id = ?'                                       | false
        '  select count(*) from statement'                                         | false
        'WITH x AS (SELECT 1) SELECT * FROM x'                                     | false
        'VALUES 1'                                                                 | false
        'SELECT id FROM scenario WHERE id = ? FOR UPDATE'                          | true
        'SELECT NEXT VALUE FOR seq'                                                | true
        'INSERT INTO statement (number) VALUES (?)'                                | true
        'update statement_series set last_number = last_number + 1'                | true
        'DELETE FROM session WHERE id = ?'                                         | true
        'MERGE INTO x KEY (id) VALUES (1)'                                         | true
        'WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved' | true
        'CREATE TABLE t (id INT)'                                                  | true
        '/* a comment first */ SELECT 1'                                           | true
    }
}

package se.familycentre.process

import java.sql.DriverManager

/** Where a service process keeps its data: made empty by {@link #reset()}, handed to the child as properties and environment. */
abstract class Database {

    /** An empty database: the next service started on it loads the fixtures. */
    abstract void reset()

    abstract List<String> systemProperties()

    abstract Map<String, String> environment()

    abstract String describe()

    /** An H2 file database in a directory of its own under target/process-specs. */
    static Database h2(String name) {
        new H2Files(name)
    }

    /** The PostgreSQL database the FC_TEST_POSTGRES_* variables name (as .ci/run sets them). */
    static Database postgres(String name) {
        new Postgres(name)
    }

    static boolean postgresAvailable() {
        System.getenv('FC_TEST_POSTGRES_URL')
    }
}

class H2Files extends Database {

    final File dataDir

    H2Files(String name) {
        dataDir = new File(ServiceProcess.WORK, "$name-data")
    }

    void reset() {
        dataDir.deleteDir()
        assert dataDir.mkdirs()
    }

    List<String> systemProperties() {
        ["-Dfamilycentre.data-dir=${dataDir.path}".toString()]
    }

    Map<String, String> environment() {
        [:]
    }

    String describe() {
        "H2 files in $dataDir"
    }
}

class Postgres extends Database {

    static final String URL = System.getenv('FC_TEST_POSTGRES_URL')
    static final String USER = System.getenv('FC_TEST_POSTGRES_USER') ?: 'postgres'
    static final String PASSWORD = System.getenv('FC_TEST_POSTGRES_PASSWORD') ?: ''

    final File dataDir

    Postgres(String name) {
        dataDir = new File(ServiceProcess.WORK, "$name-data")
    }

    /** As PostgresSpec does: the schema dropped and created again, so Flyway and the fixture loader start afresh. */
    void reset() {
        assert URL: 'FC_TEST_POSTGRES_URL is not set'
        DriverManager.getConnection(URL, USER, PASSWORD).withCloseable { c ->
            c.createStatement().execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
        }
        dataDir.deleteDir()
        dataDir.mkdirs()
    }

    List<String> systemProperties() {
        // the H2 default is not used, but keep anything the service writes out of the project's data/
        ["-Dfamilycentre.data-dir=${dataDir.path}".toString()]
    }

    Map<String, String> environment() {
        [DATASOURCES_DEFAULT_URL              : URL,
         DATASOURCES_DEFAULT_USERNAME         : USER,
         DATASOURCES_DEFAULT_PASSWORD         : PASSWORD,
         DATASOURCES_DEFAULT_DRIVER_CLASS_NAME: 'org.postgresql.Driver',
         FAMILYCENTRE_DATABASE_VENDOR         : 'postgresql']
    }

    String describe() {
        "PostgreSQL at $URL"
    }
}

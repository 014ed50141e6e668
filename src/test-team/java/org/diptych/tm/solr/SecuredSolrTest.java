package org.diptych.tm.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.security.Sha256AuthenticationProvider;
import org.diptych.DiptychException;
import org.diptych.tm.TmQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A team TM on a SolrCloud secured as a team would secure it: Solr's BasicAuthPlugin (every request must
 * authenticate) and RuleBasedAuthorizationPlugin (an admin creates collections, translators read and
 * update). The right password works; a wrong one, none, or a translator creating a collection each give
 * one line that says which.
 */
class SecuredSolrTest {
    private static MiniSolrCloudCluster cluster;
    private static Path dir;
    private static String url;

    static String securityJson() {
        return """
                {"authentication": {"class": "solr.BasicAuthPlugin", "blockUnknown": true,
                   "credentials": {"admin": "%s", "ana": "%s"}},
                 "authorization": {"class": "solr.RuleBasedAuthorizationPlugin",
                   "permissions": [
                     {"name": "security-edit", "role": "admin"},
                     {"name": "collection-admin-edit", "role": "admin"},
                     {"name": "config-edit", "role": "admin"},
                     {"name": "collection-admin-read", "role": ["admin", "translator"]},
                     {"name": "schema-read", "role": ["admin", "translator"]},
                     {"name": "read", "role": ["admin", "translator"]},
                     {"name": "update", "role": ["admin", "translator"]},
                     {"name": "all", "role": "admin"}],
                   "user-role": {"admin": ["admin"], "ana": ["translator"]}}}
                """.formatted(Sha256AuthenticationProvider.getSaltedHashedValue("admin-Пароль"),
                Sha256AuthenticationProvider.getSaltedHashedValue("ana: senha secreta"));
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("diptych-secured-solr");
        System.setProperty("solr.allowPaths", "*");
        cluster = new MiniSolrCloudCluster.Builder(2, dir).withSecurityJson(securityJson()).build();
        url = cluster.getJettySolrRunner(0).getBaseUrl().toString();
        TeamTmConfig admin = new TeamTmConfig(url, "team", "admin");
        assertThat(SolrTeam.setup(admin, "admin-Пароль", 2, 1)).isEqualTo(SolrTeam.SetupResult.CREATED);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) cluster.shutdown();
    }

    @Test
    void theRightPasswordWorks() {
        TeamTmConfig ana = new TeamTmConfig(cluster.getJettySolrRunner(1).getBaseUrl().toString(), "team", "ana");
        assertThat(SolrTeam.testConnection(ana, "ana: senha secreta")).isZero();
        try (SolrTmBackend b = SolrTmBackend.connect(ana, "ana: senha secreta")) {
            b.update(List.of(PushQueueTest.unit("k:s|ru|en|p1", "Мы требуем справедливости.", "We demand justice.")), List.of());
            assertThat(b.lookup(TmQuery.of("Мы требуем справедливости.", "ru", "en")))
                    .singleElement().satisfies(m -> assertThat(m.score()).isEqualTo(100));
        }
    }

    @Test
    void aWrongPasswordNoneOrAMissingPermissionSayWhichInOneLine() {
        TeamTmConfig ana = new TeamTmConfig(url, "team", "ana");
        assertThatThrownBy(() -> SolrTeam.testConnection(ana, "wrong"))
                .isExactlyInstanceOf(DiptychException.class)
                .hasMessage("401: wrong user or password for ana at " + url + " collection team");
        assertThatThrownBy(() -> SolrTeam.testConnection(new TeamTmConfig(url, "team", "nobody"), "x"))
                .hasMessage("401: wrong user or password for nobody at " + url + " collection team");
        assertThatThrownBy(() -> SolrTeam.testConnection(new TeamTmConfig(url, "team", null), null))
                .isExactlyInstanceOf(DiptychException.class)
                .hasMessage("401: " + url + " collection team wants a user and password; connect with --user and give the password");
        assertThatThrownBy(() -> SolrTeam.setup(new TeamTmConfig(url, "another", "ana"), "ana: senha secreta", 1, 1))
                .isExactlyInstanceOf(DiptychException.class)
                .hasMessage("403: ana may not do that at " + url + " collection another");
    }
}

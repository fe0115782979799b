package io.missive.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class SigningKeyPairsUnitTest {

    @Test
    void aWrittenKeyReadsBackWithThePublicHalfTheServicesAreGiven() {
        var pair = SigningKeyPairs.generate();

        var read = SigningKeyPairs.fromPem(SigningKeyPairs.privatePem(pair));

        assertThat(read.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(PublicKeys.parse(PublicKeys.pem((RSAPublicKey) read.getPublic()))).isEqualTo(pair.getPublic());
    }

    @Test
    void somethingElseIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> SigningKeyPairs.fromPem("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MISSIVE_CONSOLE_SIGNING_KEY");
    }
}

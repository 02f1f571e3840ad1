package se.familycentre.web.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import se.familycentre.access.SigningKeys;

/**
 * Signs and checks session cookies with HMAC-SHA-256 under the key kept in the database
 * ({@link SigningKeys}), read on first use, so every instance accepts every instance's cookies.
 */
@Singleton
@Named("generator")
public class SessionSignature implements SignatureGeneratorConfiguration {

    private final SigningKeys keys;

    public SessionSignature(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 algorithm is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return supports(jwt.getHeader().getAlgorithm()) && jwt.verify(new MACVerifier(keys.session()));
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(keys.session()));
        return jwt;
    }
}

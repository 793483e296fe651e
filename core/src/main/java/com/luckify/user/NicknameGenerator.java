package com.luckify.user;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Default nicknames: 8 random letters and digits, as the original gave every new user. */
@Component
class NicknameGenerator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder nickname = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            nickname.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return nickname.toString();
    }
}

package io.pledge.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server Pledge sends its mail through ({@code pledge.mail.*}): host, port, optional login,
 * STARTTLS, and the sender address. Each kind of mail takes a sender with the timeouts it can afford.
 */
@Component
public class MailServer {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean starttls;
    private final String from;

    MailServer(
            @Value("${pledge.mail.host:}") String host,
            @Value("${pledge.mail.port:25}") int port,
            @Value("${pledge.mail.username:}") String username,
            @Value("${pledge.mail.password:}") String password,
            @Value("${pledge.mail.starttls:false}") boolean starttls,
            @Value("${pledge.mail.from:pledge@localhost}") String from) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.starttls = starttls;
        this.from = from;
    }

    /** The address mail is sent from. */
    public String from() {
        return from;
    }

    /**
     * A sender to the server that gives up connecting after {@code connect} and waiting for an answer
     * after {@code answer}; null when no server is configured.
     */
    public JavaMailSenderImpl sender(Duration connect, Duration answer) {
        if (host.isBlank()) {
            return null;
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost(host);
        smtp.setPort(port);
        smtp.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (!username.isBlank()) {
            smtp.setUsername(username);
            smtp.setPassword(password);
        }
        Properties properties = smtp.getJavaMailProperties();
        properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        properties.put("mail.smtp.connectiontimeout", Long.toString(connect.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(answer.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(answer.toMillis()));
        return smtp;
    }
}

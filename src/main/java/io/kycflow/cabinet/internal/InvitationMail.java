package io.kycflow.cabinet.internal;

import java.time.format.DateTimeFormatter;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.cabinet.Invitation;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mails an invitation link when SMTP is configured ({@code spring.mail.host}: Boot then provides the sender). The
 * message holds the link, the role and the organization's name: no other personal data. The link is a credential:
 * it is never logged, and neither is the address; a failure is logged by its kind only.
 */
@Component
class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    enum Outcome { SENT, FAILED, NOT_CONFIGURED }

    private final ObjectProvider<JavaMailSender> senders;
    private final CabinetProperties properties;

    InvitationMail(ObjectProvider<JavaMailSender> senders, CabinetProperties properties) {
        this.senders = senders;
        this.properties = properties;
    }

    Outcome send(String to, Invitation invitation, CabinetRole role, String organizationName) {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            return Outcome.NOT_CONFIGURED;
        }
        var until = WHEN.format(invitation.expiresAt());
        var link = invitation.invitationUrl();
        var text = "You are invited to the kycflow Cabinet of " + organizationName + " as " + role + ".\n\n"
                + "Open this link to set your password and sign in (it works once, until " + until + "):\n\n"
                + link + "\n\nIf you did not expect this invitation, ignore this e-mail.\n";
        var html = "<!doctype html><html lang=\"en\"><body><p>You are invited to the kycflow Cabinet of <strong>"
                + HtmlUtils.htmlEscape(organizationName) + "</strong> as " + role + ".</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">Set your password and sign in</a> (the link works "
                + "once, until " + until + ").</p><p>If you did not expect this invitation, ignore this e-mail.</p></body></html>";
        try {
            var message = sender.createMimeMessage();
            var mail = new MimeMessageHelper(message, true, "UTF-8");
            mail.setFrom(properties.mailFrom());
            mail.setTo(to);
            mail.setSubject("Your invitation to the kycflow Cabinet of " + organizationName);
            mail.setText(text, html);
            sender.send(message);
            return Outcome.SENT;
        } catch (MailException | MessagingException e) {
            log.warn("An invitation e-mail could not be sent ({}); the inviting owner was shown the link instead",
                    e.getClass().getSimpleName());
            return Outcome.FAILED;
        }
    }
}

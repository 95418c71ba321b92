package org.datastamp.ui.workbench;

import org.eclipse.rap.rwt.service.UISession;

/** The signed-in user of one browser session, kept in its RAP {@link UISession}; empty when anonymous. */
final class SessionUser {

    private static final String ATTRIBUTE = SessionUser.class.getName();

    private final UISession session;

    SessionUser(UISession session) {
        this.session = session;
    }

    String get() {
        Object user = session.getAttribute(ATTRIBUTE);
        return user instanceof String name ? name : "";
    }

    void set(String user) {
        if (user == null || user.isEmpty()) {
            session.removeAttribute(ATTRIBUTE);
        } else {
            session.setAttribute(ATTRIBUTE, user);
        }
    }
}

package org.datastamp.ui.workbench;

import java.util.function.Supplier;

import org.datastamp.security.api.Authenticator;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The header's account area: anonymous by default with a "Sign in" button that opens a user name and password form;
 * once signed in, the user's name and "Sign out". Changing the user calls {@code onChange} (the workbench rebuilds
 * its views). Used in the session's UI thread only.
 */
final class AccountBar {

    private final Composite bar;
    private final ViewContext context;
    private final SessionUser user;
    private final Supplier<Authenticator> authenticator;
    private final Runnable onChange;

    private Label who;
    private Button signIn;
    private Button signOut;
    private Composite form;
    private Text username;
    private Text password;
    private Label message;

    AccountBar(Composite parent, ViewContext context, SessionUser user, Supplier<Authenticator> authenticator,
            Runnable onChange) {
        this.bar = new Composite(parent, SWT.NONE);
        this.context = context;
        this.user = user;
        this.authenticator = authenticator;
        this.onChange = onChange;
    }

    Composite build() {
        bar.setLayout(new GridLayout(4, false));
        form = new Composite(bar, SWT.NONE);
        form.setLayout(new GridLayout(5, false));
        username = new Text(form, SWT.BORDER | SWT.SINGLE);
        username.setMessage("User name");
        username.setLayoutData(new GridData(140, SWT.DEFAULT));
        context.setTestId(username, "sign-in-username");
        password = new Text(form, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        password.setMessage("Password");
        password.setLayoutData(new GridData(140, SWT.DEFAULT));
        context.setTestId(password, "sign-in-password");
        Button submit = new Button(form, SWT.PUSH);
        submit.setText("OK");
        context.setTestId(submit, "sign-in-submit");
        submit.addListener(SWT.Selection, event -> submit());
        password.addListener(SWT.DefaultSelection, event -> submit());
        Button cancel = new Button(form, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, event -> showForm(false));
        message = new Label(form, SWT.NONE);
        message.setLayoutData(new GridData(260, SWT.DEFAULT));
        context.setTestId(message, "sign-in-message");

        who = new Label(bar, SWT.NONE);
        context.setTestId(who, "account-user");
        signIn = new Button(bar, SWT.PUSH);
        signIn.setText("Sign in");
        context.setTestId(signIn, "sign-in");
        signIn.addListener(SWT.Selection, event -> showForm(true));
        signOut = new Button(bar, SWT.PUSH);
        signOut.setText("Sign out");
        context.setTestId(signOut, "sign-out");
        signOut.addListener(SWT.Selection, event -> change(""));
        showForm(false);
        return bar;
    }

    private void submit() {
        SignIn.Outcome outcome = SignIn.attempt(authenticator.get(), username.getText(), password.getText());
        password.setText("");
        if (outcome.succeeded()) {
            change(outcome.user());
        } else {
            message.setText(outcome.message());
        }
    }

    private void change(String newUser) {
        user.set(newUser);
        showForm(false);
        onChange.run();
    }

    private void showForm(boolean visible) {
        String current = user.get();
        message.setText("");
        setVisible(form, visible);
        who.setText(current.isEmpty() ? "Not signed in" : "Signed in as " + current);
        setVisible(signIn, !visible && current.isEmpty());
        setVisible(signOut, !current.isEmpty());
        if (visible) {
            username.setFocus();
        }
        bar.getParent().layout(true, true);
    }

    /** Hidden controls also leave the layout, so the header does not keep a gap for them. */
    private static void setVisible(org.eclipse.swt.widgets.Control control, boolean visible) {
        control.setVisible(visible);
        GridData data = control.getLayoutData() instanceof GridData grid ? grid : new GridData();
        data.exclude = !visible;
        control.setLayoutData(data);
    }
}

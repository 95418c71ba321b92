package org.datastamp.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.junit.jupiter.api.Test;

class ViewBookTest {

    private final ViewBook book = new ViewBook();

    @Test
    void keepsViewsInOrderThenById() {
        WorkbenchView datasets = view("datasets", 20);
        WorkbenchView capabilities = view("capabilities", 10);
        WorkbenchView alpha = view("alpha", 20);

        book.add(datasets);
        book.add(capabilities);
        book.add(alpha);

        assertEquals(List.of(capabilities, alpha, datasets), book.views());
    }

    @Test
    void tellsSubscribersOfEveryChangeUntilTheyUnsubscribe() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        AutoCloseable subscription = book.subscribe(changes::incrementAndGet);
        WorkbenchView view = view("datasets", 20);

        book.add(view);
        book.remove(view);
        book.remove(view);
        subscription.close();
        book.add(view);

        assertEquals(2, changes.get());
        assertEquals(0, book.listenerCount());
    }

    @Test
    void twoEqualViewServicesAreBothShown() {
        // A bundle being updated briefly registers its new view before the old one leaves.
        WorkbenchView old = view("datasets", 20);
        WorkbenchView updated = view("datasets", 20);

        book.add(old);
        book.add(updated);
        book.remove(old);

        assertEquals(List.of(updated), book.views());
    }

    private static WorkbenchView view(String id, int order) {
        return new WorkbenchView() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public void createContents(Composite parent, ViewContext context) {
            }
        };
    }
}

package org.datastamp.storage.testing;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

import org.datastamp.storage.api.ExpectedCopies;
import org.datastamp.storage.api.ExpectedObject;

/** Expected copies held in a sorted map: the stand-in for the lifecycle engine's catalogue-backed provider. */
public final class InMemoryExpectedCopies implements ExpectedCopies {

    private final ConcurrentSkipListMap<String, ExpectedObject> objects = new ConcurrentSkipListMap<>();

    /** Records (or replaces) the expectation for {@code object.key()}. */
    public void expect(ExpectedObject object) {
        objects.put(object.key(), object);
    }

    @Override
    public List<ExpectedObject> page(String afterKey, int limit) {
        var tail = afterKey == null || afterKey.isEmpty() ? objects : objects.tailMap(afterKey, false);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public ExpectedObject find(String key) {
        return objects.get(key);
    }
}

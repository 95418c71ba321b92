package org.datastamp.visualization.hdf5;

import static org.datastamp.visualization.hdf5.TestFiles.FRAMES;
import static org.datastamp.visualization.hdf5.TestFiles.HEIGHT;
import static org.datastamp.visualization.hdf5.TestFiles.WIDTH;
import static org.datastamp.visualization.hdf5.TestFiles.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.DatasetInfo;
import org.datastamp.visualization.api.DefaultPlot;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.NodeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5DataFileReaderTest {

    @TempDir
    static Path dir;
    static Path file;
    static Hdf5DataFileReader reader;

    @BeforeAll
    static void writeFile() throws Exception {
        file = TestFiles.knownValues(dir);
        reader = TestFiles.reader(1_000_000);
    }

    @Test
    void readsOneFrameOfABitshuffleLz4StackWithKnownValues() throws Exception {
        NdArray frame = reader.read(file, "/entry/data/data", "1,:,:");
        assertArrayEquals(new int[] {HEIGHT, WIDTH}, frame.shape());
        assertEquals(ElementType.UINT32, frame.type());
        ByteBuffer b = frame.data();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertEquals(value(1, y, x), Integer.toUnsignedLong(b.getInt((y * WIDTH + x) * 4)), "pixel " + y + "," + x);
            }
        }
    }

    @Test
    void pixelsAndZoomsOfAFrameAlreadyReadHaveTheWrittenValues() throws Exception {
        reader.read(file, "/entry/data/data", "2,:,:");
        for (int pass = 0; pass < 2; pass++) {
            NdArray zoom = reader.read(file, "/entry/data/data", "2,5:9,30:50:4");
            assertArrayEquals(new int[] {4, 5}, zoom.shape());
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 5; j++) {
                    assertEquals(value(2, 5 + i, 30 + 4 * j), Integer.toUnsignedLong(zoom.data().getInt((i * 5 + j)
                            * 4)));
                }
            }
            NdArray pixel = reader.read(file, "/entry/data/data", "2,7,8");
            assertEquals(0, pixel.rank());
            assertEquals(value(2, 7, 8), Integer.toUnsignedLong(pixel.data().getInt(0)));
        }
    }

    @Test
    void readsStridedNegativeAndPartialRangesLikeNumpy() throws Exception {
        NdArray a = reader.read(file, "/entry/data/lz4", "-1,10:20:3,45:");
        assertArrayEquals(new int[] {4, 5}, a.shape());
        assertEquals(ElementType.UINT16, a.type());
        int[] ys = {10, 13, 16, 19};
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(value(FRAMES - 1, ys[i], 45 + j) & 0xffff, a.data().getShort((i * 5 + j) * 2) & 0xffff);
            }
        }
    }

    @Test
    void readsAColumnAcrossFramesFromDeflateChunks() throws Exception {
        NdArray a = reader.read(file, "/entry/data/deflate", ":,7,9");
        assertArrayEquals(new int[] {FRAMES}, a.shape());
        for (int f = 0; f < FRAMES; f++) {
            assertEquals(value(f, 7, 9), a.data().getInt(f * 4));
        }
    }

    @Test
    void missingTrailingEntriesMeanWholeDimensionsAndScalarsReadWhole() throws Exception {
        assertArrayEquals(new int[] {HEIGHT, WIDTH}, reader.read(file, "/entry/data/data", "0").shape());
        NdArray scalar = reader.read(file, "/entry/data/scalar", "");
        assertEquals(0, scalar.rank());
        assertEquals(42.5, scalar.data().getDouble(0));
    }

    @Test
    void describesShapeTypeChunksAndFilters() throws Exception {
        DatasetInfo bslz4 = reader.describe(file, "/entry/data/data");
        assertEquals(List.of(4L, 40L, 50L), bslz4.shape());
        assertEquals("uint32", bslz4.dtype());
        assertEquals("chunked", bslz4.layout());
        assertEquals(List.of(1L, 40L, 50L), bslz4.chunks());
        assertEquals(List.of(32008), bslz4.filters());
        assertEquals(List.of(32004), reader.describe(file, "/entry/data/lz4").filters());
        assertTrue(reader.describe(file, "/entry/data/deflate").filters().contains(1));
        assertEquals("contiguous", reader.describe(file, "/entry/data/profile").layout());
    }

    @Test
    void treeListsGroupsDatasetsAttributesAndLinks() throws Exception {
        FileTree tree = reader.tree(file);
        Node entry = child(tree.root(), "entry");
        assertEquals("NXentry", entry.nexusClass());
        Node data = child(entry, "data");
        assertEquals("NXdata", data.nexusClass());
        assertEquals(List.of(".", "y", "x"), data.attributes().get("axes"));
        assertEquals("mm", child(data, "x").attributes().get("units"));
        assertEquals("string", child(data, "names").dataset().dtype());
        Node soft = child(entry, "link_to_data");
        assertEquals(NodeKind.DATASET, soft.kind());
        assertEquals("/entry/data/data", soft.link());
        Node dangling = child(entry, "dangling");
        assertEquals(NodeKind.BROKEN_LINK, dangling.kind());
        assertEquals("missing.h5:/nothing", dangling.link());
    }

    @Test
    void treeResolvesTheNexusDefaultPlot() throws Exception {
        DefaultPlot plot = reader.tree(file).defaultPlot().orElseThrow();
        assertEquals("/entry/data", plot.group());
        assertEquals("/entry/data/data", plot.signal());
        assertEquals(List.of("", "/entry/data/y", "/entry/data/x"), plot.axes());
    }

    @Test
    void outOfBoundsIndexIsABadRequestNamingTheDimension() {
        BadDataRequestException e = assertThrows(BadDataRequestException.class,
                () -> reader.read(file, "/entry/data/data", "4,:,:"));
        assertTrue(e.getMessage().contains("out of bounds for dimension 0 of size 4"), e.getMessage());
    }

    @Test
    void tooManySliceEntriesIsABadRequestNamingTheRank() {
        BadDataRequestException e = assertThrows(BadDataRequestException.class,
                () -> reader.read(file, "/entry/data/data", "0,0,0,0"));
        assertTrue(e.getMessage().contains("rank 3"), e.getMessage());
    }

    @Test
    void stringDataIsABadRequestNotAFailure() {
        BadDataRequestException e = assertThrows(BadDataRequestException.class,
                () -> reader.read(file, "/entry/data/names", ""));
        assertTrue(e.getMessage().contains("not numbers"), e.getMessage());
    }

    @Test
    void selectionsBeyondTheLimitAreRefusedWithAHint() throws Exception {
        BadDataRequestException e = assertThrows(BadDataRequestException.class,
                () -> TestFiles.reader(1000).read(file, "/entry/data/data", ""));
        assertTrue(e.getMessage().contains("one frame"), e.getMessage());
    }

    @Test
    void unknownPathsAndGroupsAreNoSuchNode() {
        assertThrows(NoSuchNodeException.class, () -> reader.read(file, "/entry/nothing", ""));
        assertThrows(NoSuchNodeException.class, () -> reader.read(file, "/entry/data", ""));
    }

    private static Node child(Node group, String name) {
        return group.children().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(group.path() + " has no " + name));
    }
}

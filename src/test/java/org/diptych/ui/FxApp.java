package org.diptych.ui;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotContext;
import org.testfx.robot.Motion;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.robot.KeyboardRobot;
import org.testfx.robot.MouseRobot;
import org.testfx.robot.TypeRobot;
import org.testfx.robot.impl.ClickRobotImpl;
import org.testfx.robot.impl.DragRobotImpl;
import org.testfx.robot.impl.MoveRobotImpl;
import org.testfx.robot.impl.ScrollRobotImpl;

/**
 * TestFX's {@link ApplicationExtension} whose robots wait for the window to settle after each key and mouse
 * event instead of sleeping a fixed time.
 *
 * <p>TestFX's robots follow every press, release and move with {@code WaitForAsyncUtils.waitForFxEvents()}:
 * five rounds of "run an empty task on the FX thread, then sleep 10 ms", about 55 ms per event, and
 * {@code type} sleeps 25 ms more per key. A click is three such waits. In this suite that was most of the
 * GUI tests' time. Here each event is followed by what those rounds are there for: the FX thread has run the
 * event and everything its handlers posted (two rounds), two layout pulses have laid out what changed (so the
 * next lookup sees the new bounds, also of a popup the event opened), and what they posted has run. Every
 * event still goes through the real controls, in the same order; anything a test must wait for on another
 * thread (a background task, an autosave) it waits for on a condition, as before.
 *
 * <p>Use it in place of {@code ApplicationExtension}: {@code @ExtendWith(FxApp.class)}.
 */
public class FxApp extends ApplicationExtension {
    /** Longest wait for a pulse: a pulse that does not come (nothing to lay out) is not waited for longer. */
    private static final long PULSE_WAIT_MS = 100;
    /** Longest wait for the FX thread to run what was posted (it is busy, not idle, when this is long). */
    private static final long DRAIN_WAIT_MS = 10_000;

    public FxApp() {
        FxRobotContext c = robotContext();
        MouseRobot mouse = new SettlingMouse(c.getMouseRobot());
        KeyboardRobot keyboard = new SettlingKeyboard(c.getKeyboardRobot());
        MoveRobotImpl move = new MoveRobotImpl(c.getBaseRobot(), mouse, c.getSleepRobot());
        set(c, "mouseRobot", mouse);
        set(c, "keyboardRobot", keyboard);
        set(c, "moveRobot", move);
        set(c, "clickRobot", new ClickRobotImpl(mouse, move, c.getSleepRobot()));
        set(c, "dragRobot", new DragRobotImpl(mouse, move));
        set(c, "scrollRobot", new ScrollRobotImpl(mouse));
        set(c, "typeRobot", new Typing(keyboard));
    }

    /**
     * Clicks the node {@code query} finds once it is visible, waiting up to {@value #VISIBLE_WAIT_S} s for it: a
     * dialog or menu the previous event opened can take a few pulses to show (CI runs failed on "#menu-merge"
     * and "#site-import": "returned 1 nodes, but no nodes were visible"). If it never shows, TestFX's own
     * message says what was found.
     */
    @Override
    public FxRobot clickOn(String query, Motion motion, MouseButton... buttons) {
        try {
            WaitForAsyncUtils.waitFor(VISIBLE_WAIT_S, TimeUnit.SECONDS,
                    () -> lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        } catch (TimeoutException e) {
            // clicked below anyway: TestFX then names what the query found
        }
        return super.clickOn(query, motion, buttons);
    }

    private static final long VISIBLE_WAIT_S = 10;

    private static void set(FxRobotContext c, String field, Object robot) {
        try {
            Field f = FxRobotContext.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(c, robot);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's FxRobotContext has no field " + field
                    + " (a new TestFX version? adapt FxApp)", e);
        }
    }

    /**
     * Waits until the FX thread has handled what was posted so far, two layout pulses have run after it,
     * and what they posted has run too. Call from the test thread.
     */
    public static void settle() {
        if (Platform.isFxApplicationThread()) return;
        drain();
        drain();
        // two pulses: a popup the event opened (a menu) can need the second one to be showing and laid out; with
        // one, a CI run found "#menu-merge" in a menu that was not showing yet
        pulse();
        drain();
        pulse();
        drain();
    }

    private static void pulse() {
        CountDownLatch pulsed = new CountDownLatch(1);
        Platform.runLater(() -> {
            List<Scene> scenes = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null) scenes.add(w.getScene());
            }
            if (scenes.isEmpty()) {
                pulsed.countDown();
                return;
            }
            for (Scene s : scenes) {
                Runnable[] self = new Runnable[1];
                self[0] = () -> {
                    s.removePostLayoutPulseListener(self[0]);
                    pulsed.countDown();
                };
                s.addPostLayoutPulseListener(self[0]);
            }
            Platform.requestNextPulse();
        });
        await(pulsed);
    }

    /** Waits for the FX thread to run everything posted so far (however long a busy machine makes that). */
    private static void drain() {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(done::countDown);
        await(done, DRAIN_WAIT_MS);
    }

    private static void await(CountDownLatch latch) {
        await(latch, PULSE_WAIT_MS);
    }

    private static void await(CountDownLatch latch, long ms) {
        try {
            latch.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record SettlingMouse(MouseRobot robot) implements MouseRobot {
        @Override public void press(MouseButton... buttons) { robot.pressNoWait(buttons); settle(); }
        @Override public void pressNoWait(MouseButton... buttons) { robot.pressNoWait(buttons); }
        @Override public Set<MouseButton> getPressedButtons() { return robot.getPressedButtons(); }
        @Override public void release(MouseButton... buttons) { robot.releaseNoWait(buttons); settle(); }
        @Override public void releaseNoWait(MouseButton... buttons) { robot.releaseNoWait(buttons); }
        @Override public void move(Point2D location) { robot.moveNoWait(location); settle(); }
        @Override public void moveNoWait(Point2D location) { robot.moveNoWait(location); }
        @Override public void scroll(int amount) { robot.scrollNoWait(amount); settle(); }
        @Override public void scrollNoWait(int amount) { robot.scrollNoWait(amount); }
    }

    private record SettlingKeyboard(KeyboardRobot robot) implements KeyboardRobot {
        @Override public void press(KeyCode... keys) { robot.pressNoWait(keys); settle(); }
        @Override public void pressNoWait(KeyCode... keys) { robot.pressNoWait(keys); }
        @Override public Set<KeyCode> getPressedKeys() { return robot.getPressedKeys(); }
        @Override public void release(KeyCode... keys) { robot.releaseNoWait(keys); settle(); }
        @Override public void releaseNoWait(KeyCode... keys) { robot.releaseNoWait(keys); }
    }

    /** TestFX's {@code TypeRobotImpl} without its 25 ms sleep after each key: the keyboard robot settles. */
    private record Typing(KeyboardRobot keyboard) implements TypeRobot {
        @Override
        public void push(KeyCode... combination) {
            keyboard.press(combination);
            List<KeyCode> reversed = new ArrayList<>(Arrays.asList(combination));
            Collections.reverse(reversed);
            keyboard.release(reversed.toArray(KeyCode[]::new));
        }

        @Override
        public void push(KeyCodeCombination combination) {
            List<KeyCode> keys = new ArrayList<>();
            // the order of TestFX's TypeRobotImpl
            if (combination.getShift() == KeyCodeCombination.ModifierValue.DOWN) keys.add(KeyCode.SHIFT);
            if (combination.getAlt() == KeyCodeCombination.ModifierValue.DOWN) keys.add(KeyCode.ALT);
            if (combination.getMeta() == KeyCodeCombination.ModifierValue.DOWN) keys.add(KeyCode.META);
            if (combination.getShortcut() == KeyCodeCombination.ModifierValue.DOWN) keys.add(KeyCode.SHORTCUT);
            if (combination.getControl() == KeyCodeCombination.ModifierValue.DOWN) keys.add(KeyCode.CONTROL);
            keys.add(combination.getCode());
            push(keys.toArray(KeyCode[]::new));
        }

        @Override
        public void type(KeyCode... keys) {
            for (KeyCode k : keys) push(k);
        }

        @Override
        public void type(KeyCode key, int times) {
            for (int i = 0; i < times; i++) push(key);
        }
    }
}

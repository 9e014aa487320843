package org.mnistkit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.mnistkit.core.model.FittedModel;
import org.mnistkit.core.model.Models;

/**
 * A saved mnistkit model as the bytes of its model file, shipped to executors (in a broadcast or
 * inside a serialized Spark model) and loaded there through {@link Models#load(Path)}, once per
 * JVM: loaded models are cached by the SHA-256 of their bytes, so every task of every job that
 * uses the same model in one executor shares one loaded copy.
 */
final class ModelBytes implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, FittedModel> LOADED = new ConcurrentHashMap<>();

  private final byte[] bytes;
  private final String sha256;

  private ModelBytes(byte[] bytes) {
    this.bytes = bytes;
    this.sha256 = sha256(bytes);
  }

  /**
   * Reads a model file and checks that this mnistkit can load it, on the driver.
   *
   * @param file a file written by a model's {@code save}
   * @return its bytes, with the loaded model already cached in this JVM
   * @throws IOException when the file cannot be read or is not a model this mnistkit can load
   */
  static ModelBytes read(Path file) throws IOException {
    return ofBytes(Files.readAllBytes(file));
  }

  /**
   * Saves a model and takes its bytes.
   *
   * @param model a fitted model
   * @return the bytes of its model file, with the model cached in this JVM
   * @throws IOException when the model cannot be written to a temporary file
   */
  static ModelBytes of(FittedModel model) throws IOException {
    Path dir = Files.createTempDirectory("mnistkit-model");
    Path file = dir.resolve("model.bin");
    try {
      model.save(file);
      ModelBytes m = new ModelBytes(Files.readAllBytes(file));
      LOADED.putIfAbsent(m.sha256, model);
      return m;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /**
   * Wraps bytes read elsewhere (from a Spark ML save directory) and loads them.
   *
   * @param bytes a model file's bytes
   * @return the model bytes, loaded and cached in this JVM
   * @throws IOException when the bytes are not a model this mnistkit can load
   */
  static ModelBytes ofBytes(byte[] bytes) throws IOException {
    ModelBytes m = new ModelBytes(bytes);
    try {
      LOADED.computeIfAbsent(m.sha256, k -> m.loadUnchecked());
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e.getCause());
    }
    return m;
  }

  /** @return the file's bytes, not a copy */
  byte[] bytes() {
    return bytes;
  }

  /** @return the SHA-256 of the bytes, lower-case hex */
  String sha256() {
    return sha256;
  }

  /** @return the model, loaded once per JVM */
  FittedModel model() {
    return LOADED.computeIfAbsent(sha256, k -> loadUnchecked());
  }

  private FittedModel loadUnchecked() {
    try {
      Path dir = Files.createTempDirectory("mnistkit-model");
      Path file = dir.resolve("model.bin");
      try {
        Files.write(file, bytes);
        return Models.load(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load the mnistkit model (" + bytes.length + " bytes, SHA-256 " + sha256 + "): "
              + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

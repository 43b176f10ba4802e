public enum LodeFormats {}

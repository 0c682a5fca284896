public enum FrontDeskUIPlaceholder {}
